"""One module per rendition: input in, neutral blocks with provenance out (see `extractors.blocks`).

Which module reads which input is the format registry's business (`pipeline.formats`)."""
