"""The back office: staff screens for the meeting cycle, under /office/."""
