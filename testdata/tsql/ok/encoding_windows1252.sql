-- Saved by an old Windows editor as Windows-1252: “quoted” and café.
SELECT 'Café' AS clinic_name;
