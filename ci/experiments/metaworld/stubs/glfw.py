def destroy_window(*a): pass
