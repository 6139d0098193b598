package org.mtboard.platform.serve;

import jakarta.enterprise.context.ApplicationScoped;

/** What `mtboard serve` prints once it is up: where to go and how to authenticate. */
@ApplicationScoped
public class ServeBanner {
    private volatile String lines = "";

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
