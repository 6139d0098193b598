from . import spaces, utils, error
class Env:
    @property
    def unwrapped(self): return self
