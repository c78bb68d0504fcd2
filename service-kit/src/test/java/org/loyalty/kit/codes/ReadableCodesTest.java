package org.loyalty.kit.codes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** Codes have their written shape, never repeat, and use every symbol of the alphabet in every place. */
class ReadableCodesTest {

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int CODES = 20_000;

    @Test
    void certificateShapedCodesHaveFourGroupsOfFive() {
        ReadableCodes codes = new ReadableCodes("GC", 4, 5);
        Pattern shape = Pattern.compile("GC(-[" + ALPHABET + "]{5}){4}");
        for (int i = 0; i < 1_000; i++) {
            String code = codes.next();
            assertTrue(shape.matcher(code).matches(), code);
        }
    }

    @Test
    void codesAreDistinctAndEveryPlaceTakesEverySymbol() {
        ReadableCodes codes = new ReadableCodes("R", 1, 10);
        Set<String> seen = new HashSet<>();
        boolean[][] symbolAtPlace = new boolean[10][ALPHABET.length()];
        for (int i = 0; i < CODES; i++) {
            String code = codes.next();
            assertTrue(code.matches("R-[" + ALPHABET + "]{10}"), code);
            seen.add(code);
            for (int place = 0; place < 10; place++) {
                symbolAtPlace[place][ALPHABET.indexOf(code.charAt(2 + place))] = true;
            }
        }
        assertEquals(CODES, seen.size(), "50 random bits a code: no repeat in " + CODES);
        // 20,000 draws miss one of 32 symbols with a probability of about 32 * (31/32)^20000, i.e. never.
        for (int place = 0; place < 10; place++) {
            for (int symbol = 0; symbol < ALPHABET.length(); symbol++) {
                assertTrue(symbolAtPlace[place][symbol], "symbol " + ALPHABET.charAt(symbol) + " never drawn at place " + place);
            }
        }
    }
}
