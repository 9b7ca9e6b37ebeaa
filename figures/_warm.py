"""Preloaded by ``optviz article``'s fork server (see :func:`figures.batch.run_jobs`): importing it draws one
small figure, so that the fonts, the style sheet and mathtext are loaded once, in the server, and every job
forked from it starts warm instead of paying about 0.1 s of CPU for them."""

import io

import optim_core as oc

from .output import styled
from .plots import path_figure

with styled():
    path_figure(oc.run(oc.get_optimizer("sgd", lr=0.95), oc.get_function("bowl"), steps=3)).savefig(
        io.BytesIO(), format="raw", dpi=30
    )
