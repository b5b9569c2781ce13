"""MotCua: the one-stop shop (một cửa) for Vietnamese administrative procedures."""
