"""Outside sources fetched into the package's caches: one HTTP session (sources.http) for THL's
Sotkanet and Statistics Finland's Paavo postal areas and municipality boundaries."""
