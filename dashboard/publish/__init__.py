"""`hyte publish`: the municipality's public wellbeing pages and chart embeds as static files."""
