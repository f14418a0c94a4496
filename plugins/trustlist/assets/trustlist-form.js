// The application form (/<lang>/apply/form/): built, checked, hashed and zipped in the browser.
