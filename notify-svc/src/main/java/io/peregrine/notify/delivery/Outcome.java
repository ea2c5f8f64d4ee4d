package io.peregrine.notify.delivery;

/** How delivering one alert to one output ended, after retries. */
public record Outcome(String output, boolean delivered, int attempts, String reason) {
}
