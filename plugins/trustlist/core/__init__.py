"""The register's logic, free of any site engine: read and judge records (load, schema, models,
rules, validate), walk git once (gitrepo, history), judge a pull request (change), sign the
body's decisions (decisions), count the Order's terms (deadlines), word every finding in kk, ru
and en (messages, report, notice)."""
