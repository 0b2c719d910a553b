"""Level 3, the commands people run (python hooks/fov <command>, see fov/__main__.py):
preview, translate, linkrot. They may import every group below."""
