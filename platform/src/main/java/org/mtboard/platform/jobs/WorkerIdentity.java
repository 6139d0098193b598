package org.mtboard.platform.jobs;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** This process's name as a worker (host and pid), shown on runs and in the audit log. */
@ApplicationScoped
public class WorkerIdentity {
    private final String name;

    public WorkerIdentity() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        name = host + "-" + ProcessHandle.current().pid();
    }

    public String name() {
        return name;
    }
}
