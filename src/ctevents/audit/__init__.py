"""Auditing what the log holds: quotes re-checked, spans of a source, PROV export, chain proofs.

Everything here reads the log only (never a read model): what is shown to an auditor
is checked against the stored payloads themselves.
"""
