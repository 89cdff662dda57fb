"""The browser chat (Gradio): the chat service, follow-ups, uploads, rendering and the page."""
