"""The records as a networkx graph (:mod:`.graph`) and as one offline HTML page (:mod:`.html`)."""
