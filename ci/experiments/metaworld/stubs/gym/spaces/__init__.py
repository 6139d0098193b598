import numpy as np
class Box:
    def __init__(self, low, high, shape=None, dtype=np.float32):
        self.low = np.array(low, dtype=float); self.high = np.array(high, dtype=float)
        self.shape = self.low.shape
    def seed(self, s=None): pass
    def sample(self): return np.random.uniform(self.low, self.high)
class Discrete:
    def __init__(self, n): self.n = n
