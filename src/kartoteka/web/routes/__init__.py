"""Route modules: `pages` (reader, persons, facts, search), `charts` (timeline, trajectories, network), `api`."""
