"""The window's visual language, in one place: spacing on an 8 px grid, one type scale,
status colours that also carry a word (``tokens``); light and dark palettes and the
user's choice among System, Light and Dark (``appearance``); the header every page opens
with (``header``). Rules and pictures: docs/design.md."""
