package org.loyalty.devinfra.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

/** A plain line (or dot) chart drawn with Java2D into a PNG: no charting library needed. */
final class LineChart {

    private static final Color[] COLORS = {
        new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0x9467bd), new Color(0xff7f0e),
        new Color(0x8c564b), new Color(0x17becf)};
    private static final int WIDTH = 900;
    private static final int HEIGHT = 480;
    private static final int LEFT = 80;
    private static final int RIGHT = 30;
    private static final int TOP = 50;
    private static final int BOTTOM = 60;

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final Map<String, List<double[]>> series = new LinkedHashMap<>();
    private final Map<String, Boolean> dots = new LinkedHashMap<>();

    LineChart(String title, String xLabel, String yLabel) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    LineChart line(String name, List<double[]> points) {
        series.put(name, points);
        dots.put(name, false);
        return this;
    }

    LineChart dots(String name, List<double[]> points) {
        series.put(name, points);
        dots.put(name, true);
        return this;
    }

    void write(Path file) throws IOException {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        double maxX = max(0);
        double maxY = max(1);
        axes(g, maxX, maxY);
        int index = 0;
        for (Map.Entry<String, List<double[]>> entry : series.entrySet()) {
            Color color = COLORS[index % COLORS.length];
            plot(g, entry.getValue(), dots.get(entry.getKey()), color, maxX, maxY);
            legend(g, entry.getKey(), color, index++);
        }
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }

    private void axes(Graphics2D g, double maxX, double maxY) {
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString(title, LEFT, 30);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawLine(LEFT, HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM);
        g.drawLine(LEFT, TOP, LEFT, HEIGHT - BOTTOM);
        for (int tick = 0; tick <= 5; tick++) {
            int x = LEFT + tick * (WIDTH - LEFT - RIGHT) / 5;
            int y = HEIGHT - BOTTOM - tick * (HEIGHT - TOP - BOTTOM) / 5;
            g.drawString(label(maxX * tick / 5), x - 10, HEIGHT - BOTTOM + 18);
            g.drawString(label(maxY * tick / 5), 8, y + 4);
            g.setColor(new Color(0xe0e0e0));
            g.drawLine(LEFT + 1, y, WIDTH - RIGHT, y);
            g.setColor(Color.BLACK);
        }
        g.drawString(xLabel, WIDTH / 2 - 40, HEIGHT - 15);
        g.drawString(yLabel, 8, TOP - 10);
    }

    private static void plot(Graphics2D g, List<double[]> points, boolean asDots, Color color, double maxX, double maxY) {
        g.setColor(color);
        g.setStroke(new BasicStroke(2f));
        int[] previous = null;
        for (double[] point : points) {
            int[] at = {LEFT + (int) (point[0] / maxX * (WIDTH - LEFT - RIGHT)), HEIGHT - BOTTOM - (int) (point[1] / maxY * (HEIGHT - TOP - BOTTOM))};
            if (asDots) {
                g.fillRect(at[0], at[1], 2, 2);
            } else if (previous != null) {
                g.drawLine(previous[0], previous[1], at[0], at[1]);
            }
            previous = at;
        }
    }

    private static void legend(Graphics2D g, String name, Color color, int index) {
        int y = TOP + 10 + index * 18;
        g.setColor(color);
        g.fillRect(LEFT + 15, y - 9, 12, 10);
        g.setColor(Color.BLACK);
        g.drawString(name, LEFT + 32, y);
    }

    private double max(int axis) {
        double max = series.values().stream().flatMap(List::stream).mapToDouble(p -> p[axis]).max().orElse(1);
        return max <= 0 ? 1 : max * 1.05;
    }

    private static String label(double value) {
        return value >= 10_000 ? String.format("%,.0fk", value / 1000) : String.format("%,.0f", value);
    }
}
