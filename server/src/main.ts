// placeholder entry, replaced below
