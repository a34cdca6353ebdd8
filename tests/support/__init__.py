"""What the tests share: stand-in servers, fixture stores, the served app and screen helpers.

Imported as `from support.<module> import …` (tests/ is on sys.path through its conftest.py).
"""
