-- The language a user chose for the product's screens (issue 17): Simplified Chinese or English.
-- NULL until they choose; the web app then follows the browser's language.
ALTER TABLE users ADD COLUMN locale text CHECK (locale IN ('zh-CN', 'en'));
