"""Meta-World v2.0.0 window-close: the shaped reward and the window's joint along a scripted route of
tcp waypoints, fingers closed, each held for a few steps with a proportional controller (gain 25, as
Meta-World's window policies' move()). ../WindowCloseRoute.java runs the same routes in our
simulator; BENCHMARKS.md compares them. Routes:
  park-to-closed  from where our trained MT-PPO policies park (in front of the bar) round the bar
                  to a closed window
  bar-drag        pressing the bar from the front, then moving sideways: does the window follow?
Prints, per waypoint, the mean over N resets of the last step's reward, q (0.2 = open), success,
|tcp - handle point| and tcp.y - handle.y.
Usage: run.sh WORK window_close_route.py park-to-closed|bar-drag [N]"""
import sys
import numpy as np
import metaworld

# (label, target as an offset from the reset handle point h, steps held); a route fits one episode.
PARK = np.array([-0.02, -0.045, -0.015])
ROUTES = {
    'park-to-closed': [('parked in front of the bar', PARK, 45),
                       ('parked, moving -x 3 cm (touches nothing)', PARK + [-0.03, 0, 0], 8),
                       ('back to parked', PARK, 8),
                       ('parked, moving +y into the bar', PARK + [0, 0.03, 0], 8),
                       ('back to parked', PARK, 8),
                       ('detour 1: +x past the bar (h.x + 0.005)', np.array([0.005, PARK[1], PARK[2]]), 8),
                       ('detour 2: +y, level with the bar', np.array([0.005, 0, PARK[2]]), 8),
                       ('at the handle point', np.zeros(3), 8)]
                      + [('pushing to h.x - %.2f' % dx, np.array([-dx, 0, 0]), 8) for dx in (0.01, 0.03, 0.05, 0.10, 0.17, 0.21)],
    'bar-drag': [('in front of the bar, 3 cm off', np.array([-0.02, -0.05, -0.015]), 45),
                 ('pressing into the bar', np.array([-0.02, -0.01, -0.015]), 10),
                 ('pressing, hand moved -x 2 cm', np.array([-0.04, -0.01, -0.015]), 10),
                 ('pressing, hand moved +x 2 cm back', np.array([-0.02, -0.01, -0.015]), 10),
                 ('released (back 3 cm)', np.array([-0.02, -0.05, -0.015]), 10),
                 ('3 cm off, hand moved -x 2 cm', np.array([-0.04, -0.05, -0.015]), 10)],
}

name = sys.argv[1]
route = ROUTES[name]
n = int(sys.argv[2]) if len(sys.argv) > 2 else 10
mt10 = metaworld.MT10(seed=0)
env = mt10.train_classes['window-close-v2']()
tasks = [t for t in mt10.train_tasks if t.env_name == 'window-close-v2'][:n]
sums = np.zeros((len(route), 5))
for t in tasks:
    env.set_task(t)
    env.reset()
    # Meta-World's first observation shows the handle at q = 0 (docs/tasks.md, D8): read it after a step.
    obs, _, _, _ = env.step(np.zeros(4))
    h = obs[4:7].copy()
    for w, (_, offset, steps) in enumerate(route):
        for _ in range(steps):
            obs, reward, _, info = env.step(np.clip(np.r_[25.0 * (h + offset - env.tcp_center), 1.0], -1, 1))
        tcp = env.tcp_center
        sums[w] += [reward, env.data.get_joint_qpos('window_slide'), info['success'], np.linalg.norm(tcp - obs[4:7]), tcp[1] - obs[5]]
print('Meta-World v2.0.0 window-close-v2, route %s, %d resets (MT10 seed 0 tasks)' % (name, len(tasks)))
for (label, _, _), (r, q, s, d, dy) in zip(route, sums / len(tasks)):
    print('%-42s reward %.4f  q %.4f  success %.2f  |tcp-h| %.3f  tcp.y-h.y %.3f' % (label, r, q, s, d, dy))
