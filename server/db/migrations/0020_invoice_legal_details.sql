-- Invoice legal details (issue 6): what UK VAT rules and German §14 UStG require an issued
-- invoice to show. The seller's registered address and tax number, the buyer's billing address
-- and, on a reverse-charge invoice, the buyer's VAT id too (the issuer refuses one without it).
-- Nothing is seeded: entities come from the demo loader or an administrator.
ALTER TABLE legal_entities
    -- Registered address, one line per line, printed as the letterhead.
    ADD COLUMN address      text NOT NULL DEFAULT '' CHECK (length(address) <= 500),
    -- VAT registration (GB 123 4567 89), USt-IdNr (DE123456789) or EIN (12-3456789).
    ADD COLUMN tax_id       text CHECK (tax_id IS NULL OR length(tax_id) BETWEEN 1 AND 40),
    -- Company number and registry court (Companies House, Amtsgericht Charlottenburg HRB …).
    ADD COLUMN registration text CHECK (registration IS NULL OR length(registration) <= 200),
    -- Payment instructions printed on the invoice (bank, IBAN/BIC, sort code, routing number).
    ADD COLUMN bank_details text CHECK (bank_details IS NULL OR length(bank_details) <= 500);

ALTER TABLE accounts
    ADD COLUMN billing_address text NOT NULL DEFAULT '' CHECK (length(billing_address) <= 500),
    ADD COLUMN tax_id          text CHECK (tax_id IS NULL OR length(tax_id) BETWEEN 1 AND 40);

-- What an issued invoice printed for both parties, taken at issue: a copy printed later shows
-- the addresses and ids of its issue date, not today's. Null before issue (the PDF of a draft
-- reads the live values) and for credit notes issued without it.
ALTER TABLE invoices ADD COLUMN legal_details jsonb;
