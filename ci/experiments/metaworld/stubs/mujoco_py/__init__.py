"""A mujoco_py look-alike over MuJoCo 2.2 (Debian libmujoco-dev), just enough to run Meta-World v2.0.0's
unmodified Python for the checks in ci/experiments/metaworld (no PyPI here, so no mujoco-py)."""
import ctypes, os, numpy as np
from types import SimpleNamespace
# The shim (shim.c) built by setup.sh; run.sh names it.
_lib = ctypes.CDLL(os.environ['MW_SHIM'])
_lib.mptr.restype = ctypes.c_void_p; _lib.dptr.restype = ctypes.c_void_p
_lib.id2name.restype = ctypes.c_char_p
_lib.timestep.restype = ctypes.c_double
_lib.dist.restype = ctypes.c_double
OBJ = dict(body=1, xbody=2, joint=3, dof=4, geom=5, site=6, mesh=9, equality=16, actuator=18)
const = SimpleNamespace(EQ_WELD=1)
class MujocoException(Exception): pass
def _arr(fn, name):
    r, c, e = ctypes.c_int(), ctypes.c_int(), ctypes.c_int()
    p = fn(name.encode(), ctypes.byref(r), ctypes.byref(c), ctypes.byref(e))
    if not p: raise KeyError(name)
    n = r.value * c.value
    if n == 0: return np.zeros((r.value, c.value))
    ct = {8: ctypes.c_double, 4: ctypes.c_int, 1: ctypes.c_ubyte}[e.value]
    if name in ('geom_rgba','site_rgba','mat_rgba','mesh_vert','mesh_normal','mesh_texcoord','light_attenuation','cam_fovy') or name.endswith('_rgba'): ct = ctypes.c_float
    a = np.ctypeslib.as_array(ctypes.cast(p, ctypes.POINTER(ct)), shape=(n,))
    return a.reshape(r.value, c.value) if c.value > 1 else a
class _EqData:
    """emulate MuJoCo-2.1 7-wide weld eq_data on top of 2.2's 11-wide layout"""
    def __init__(self, a): self.a = a; self.shape = (a.shape[0], 7)
    def __setitem__(self, key, val):
        i = key[0]; val = np.asarray(val)
        self.a[i, :] = 0; self.a[i, 3:6] = val[0:3]; self.a[i, 6:10] = val[3:7]; self.a[i, 10] = 1.0
class PyMjModel:
    def __init__(self, path):
        if _lib.load(path.encode()) != 0: raise IOError(path)
        self.opt = SimpleNamespace(timestep=_lib.timestep())
        for k in ['nq','nv','nu','nbody','ngeom','nsite','njnt','nmocap','neq','nmesh']:
            setattr(self, k, _lib.mint(k.encode()))
        self.body_pos = _arr(_lib.mptr, 'body_pos'); self.site_pos = _arr(_lib.mptr, 'site_pos')
        self.eq_type = _arr(_lib.mptr, 'eq_type'); self._eq = _arr(_lib.mptr, 'eq_data'); self.eq_data = _EqData(self._eq)
        self.jnt_qposadr = _arr(_lib.mptr, 'jnt_qposadr'); self.jnt_type = _arr(_lib.mptr, 'jnt_type')
        self.site_names = tuple(self._name('site', i) for i in range(self.nsite))
    def m(self, name): return _arr(_lib.mptr, name)
    def _name(self, t, i):
        s = _lib.id2name(OBJ[t], int(i)); return s.decode() if s else None
    def _id(self, t, name):
        i = _lib.name2id(OBJ[t], name.encode())
        if i < 0: raise ValueError('no %s %s' % (t, name))
        return i
    def body_name2id(self, n): return self._id('body', n)
    def site_name2id(self, n): return self._id('site', n)
    def geom_name2id(self, n): return self._id('geom', n)
    def joint_name2id(self, n): return self._id('joint', n)
    def get_joint_qpos_addr(self, n):
        j = self.joint_name2id(n); a = int(self.jnt_qposadr[j]); t = int(self.jnt_type[j])
        return {0: (a, a+7), 1: (a, a+4)}.get(t, a)
    def get_mjb(self): return b''
def load_model_from_path(p): return PyMjModel(p)
class MjSimState:
    def __init__(self, time, qpos, qvel, act, udd_state):
        self.time, self.qpos, self.qvel, self.act, self.udd_state = time, np.array(qpos), np.array(qvel), act, udd_state
class _Contact:
    def __init__(self, g1, g2, efc): self.geom1, self.geom2, self.efc_address = g1, g2, efc
class PyMjData:
    def __init__(self, model):
        self.model = model
        for k in ['qpos','qvel','ctrl','mocap_pos','mocap_quat','xpos','xquat','xmat','xipos','site_xpos','site_xmat','geom_xpos','geom_xmat','efc_force','qfrc_constraint','time']:
            try: setattr(self, k, _arr(_lib.dptr, k))
            except KeyError: pass
    @property
    def contact(self):
        out = []
        for i in range(_lib.ncon()):
            g1, g2, e = ctypes.c_int(), ctypes.c_int(), ctypes.c_int()
            _lib.contact(i, ctypes.byref(g1), ctypes.byref(g2), ctypes.byref(e)); out.append(_Contact(g1.value, g2.value, e.value))
        return out
    def get_body_xpos(self, n): return self.xpos[self.model.body_name2id(n)]
    def get_body_xquat(self, n): return self.xquat[self.model.body_name2id(n)]
    def get_body_xmat(self, n): return self.xmat[self.model.body_name2id(n)].reshape(3,3)
    def get_geom_xpos(self, n): return self.geom_xpos[self.model.geom_name2id(n)]
    def get_geom_xmat(self, n): return self.geom_xmat[self.model.geom_name2id(n)].reshape(3,3)
    def get_site_xpos(self, n): return self.site_xpos[self.model.site_name2id(n)]
    def get_site_xmat(self, n): return self.site_xmat[self.model.site_name2id(n)].reshape(3,3)
    def get_joint_qpos(self, n):
        a = self.model.get_joint_qpos_addr(n)
        return self.qpos[a[0]:a[1]].copy() if isinstance(a, tuple) else self.qpos[a]
    def set_joint_qpos(self, n, v):
        a = self.model.get_joint_qpos_addr(n)
        if isinstance(a, tuple): self.qpos[a[0]:a[1]] = v
        else: self.qpos[a] = v
    def get_joint_qvel(self, n):
        a = self.model.get_joint_qpos_addr(n); return self.qvel[a]  # ok for scalar joints before free joints
    def set_mocap_pos(self, n, v): self.mocap_pos[0] = np.asarray(v).reshape(-1)[:3] if np.asarray(v).size==3 else np.asarray(v)[0]
    def set_mocap_quat(self, n, v): self.mocap_quat[0] = v
class MjSim:
    def __init__(self, model):
        self.model = model; self.data = PyMjData(model)
    def reset(self): _lib.reset()
    def step(self): _lib.step(1)
    def forward(self): _lib.forward()
    def get_state(self):
        return MjSimState(0.0, self.data.qpos.copy(), self.data.qvel.copy(), None, {})
    def set_state(self, s):
        self.data.qpos[:] = s.qpos; self.data.qvel[:] = s.qvel
def load_model_from_mjb(b): raise NotImplementedError
