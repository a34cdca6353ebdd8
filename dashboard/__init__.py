"""The Streamlit app: entry point, shared filters, read-side queries and their cache, i18n, theme."""
