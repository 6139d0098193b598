package org.mtboard.engine.sim;

/** A scripted policy: a pure function of one 39-float observation to one 4-float action. */
@FunctionalInterface
public interface ExpertPolicy {
    void act(float[] obs, int obsOff, float[] action, int actOff);
}
