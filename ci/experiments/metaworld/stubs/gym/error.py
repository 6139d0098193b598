class DependencyNotInstalled(Exception): pass
