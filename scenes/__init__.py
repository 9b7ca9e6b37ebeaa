"""scenes: Manim Community scenes that animate optim_core's trajectories (``manim render scenes/momentum.py``)."""
