"""The sentences of the brief: what the articles say, computed from the tables, never typed in.

One module per part of the brief, each function taking the tagged tables (and findings) and
returning a DataFrame with a `statement` column (the sentence a reader sees) and the evidence
behind it (doc_ids, surfaces, offsets). Notebook 04, the analysis notebooks' "What this shows"
sections and index.html print these statements, so they never disagree.
"""
