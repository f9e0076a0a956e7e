"""Text utilities below extraction and resolution alike: folding with offsets back into the
original text, tokens, sentences (:mod:`.folding`), and the name matcher (:mod:`.matcher`)."""
