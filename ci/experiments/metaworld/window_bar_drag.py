"""Meta-World v2.0.0 window-close: does a pad pressing the window bar from the front (-y) drag the
window along x when the hand then moves sideways? Closed fingers, proportional controller (gain 25);
prints the mean q after each phase over N resets. Usage: run.sh WORK window_bar_drag.py [N]"""
import sys
import numpy as np
import metaworld

n = int(sys.argv[1]) if len(sys.argv) > 1 else 10
mt10 = metaworld.MT10(seed=0)
env = mt10.train_classes['window-close-v2']()
tasks = [t for t in mt10.train_tasks if t.env_name == 'window-close-v2'][:n]
PHASES = [('in front of the bar, 3 cm off', [-0.02, -0.05, -0.015], 45),
          ('pressing into the bar (target 1 cm past its face)', [-0.02, -0.01, -0.015], 10),
          ('pressing, hand moved -x 2 cm', [-0.04, -0.01, -0.015], 10),
          ('pressing, hand moved +x 2 cm back', [-0.02, -0.01, -0.015], 10),
          ('released (back 3 cm)', [-0.02, -0.05, -0.015], 10),
          ('3 cm off, hand moved -x 2 cm', [-0.04, -0.05, -0.015], 10)]
sums = np.zeros((len(PHASES), 2))
for t in tasks:
    env.set_task(t)
    env.reset()
    obs, _, _, _ = env.step(np.zeros(4))
    h = obs[4:7].copy()
    for p, (_, off, steps) in enumerate(PHASES):
        for _ in range(steps):
            obs, reward, _, info = env.step(np.clip(np.r_[25.0 * (h + off - env.tcp_center), 1.0], -1, 1))
        sums[p] += [env.data.get_joint_qpos('window_slide'), env.tcp_center[1] - h[1]]
print('Meta-World v2.0.0 window-close-v2, %d resets: window q (starts at 0.2) and tcp.y - handle.y' % len(tasks))
for (label, _, _), (q, dy) in zip(PHASES, sums / len(tasks)):
    print('%-52s q %.4f  tcp.y-h.y %.4f' % (label, q, dy))
