package org.mtboard.engine.sim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each task is solvable: its scripted expert succeeds, random actions mostly do not. */
class ScriptedPolicyTest {
    @Test
    void expertsSolveEveryMt10TaskAndRandomActionsDoNot() {
        Map<String, SimCheck.TaskResult> scripted = SimCheck.run(Suites.MT10, SimCheck.PolicyKind.SCRIPTED, 200, 21, 2);
        Map<String, SimCheck.TaskResult> random = SimCheck.run(Suites.MT10, SimCheck.PolicyKind.RANDOM, 200, 21, 2);
        for (TaskId task : Suites.MT10) {
            double expert = scripted.get(task.metaWorldName()).successRate();
            double chance = random.get(task.metaWorldName()).successRate();
            assertTrue(expert >= 0.9, task + " scripted success " + expert);
            assertTrue(chance <= expert - 0.5, task + " random success " + chance + " vs scripted " + expert);
        }
    }

    @Test
    void theSameCheckTwiceGivesTheSameFigures() {
        var first = SimCheck.run(Suites.MT10, SimCheck.PolicyKind.RANDOM, 30, 2, 2);
        var second = SimCheck.run(Suites.MT10, SimCheck.PolicyKind.RANDOM, 30, 2, 1);
        assertTrue(first.equals(second), "random-policy check depends on thread count: " + first + " vs " + second);
    }
}
