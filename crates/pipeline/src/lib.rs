//! Raw policy texts → normalized corpus.
