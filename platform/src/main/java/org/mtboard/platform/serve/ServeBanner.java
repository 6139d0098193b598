package org.mtboard.platform.serve;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** What `mtboard serve` prints once it is up: where to go and how to authenticate. */
@ApplicationScoped
public class ServeBanner {
    private final String mode;
    private volatile String lines = "";

    public ServeBanner(@ConfigProperty(name = "mtboard.mode") String mode) {
        this.mode = mode;
    }

    void set(String text) {
        lines = text;
    }

    void print() {
        if (!lines.isEmpty()) {
            System.out.println(lines);
            System.out.flush();
        }
    }
}
