-- One database per service on the compose PostgreSQL (run once, on the first start).
CREATE DATABASE loyalty_points;
CREATE DATABASE loyalty_rewards;
CREATE DATABASE loyalty_profiles;
CREATE DATABASE loyalty_notifications;
