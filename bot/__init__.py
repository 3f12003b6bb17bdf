"""Step 2 CK Advisor: a pure advisor core with Telegram and terminal transports on top."""
