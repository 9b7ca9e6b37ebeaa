"""figures: optviz's matplotlib figures for articles and slides (object-oriented API, no pyplot state).

Each ``*_figure`` function in :mod:`figures.plots` returns a :class:`matplotlib.figure.Figure`; draw inside
:func:`figures.output.styled` and write with :func:`figures.output.save` for themed, deterministic, atomic files.
"""
