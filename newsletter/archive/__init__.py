"""The whole archive as one versioned JSON file: export (``export_archive``) and restore
(``import_archive``), both streamed row by row so twenty years of the paper fit in
little memory.

The file::

    {"format": "tongxinyuan-archive", "version": 1, "exported_at": "…",
     "tables": [
       {"model": "newsletter.region",
        "fields": [{"name": "id", "type": "BigAutoField", "null": false}, …],
        "rows": [[1, null, "province", …], …]},
       …]}

Each row lists its values in the order of ``fields``; dates and times are ISO
8601 (times with their offset), a foreign key is the row's id, or the natural
key of a row kept outside the archive (a revision's user, a version's content
type). Ids are kept, so every URL stays the same after a restore.
"""
