/** The inbox's page: nothing but the element and its script (no inline script or style). */
export const INBOX_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="referrer" content="no-referrer">
<title>Rapport inbox</title>
<link rel="icon" href="data:,">
<script src="/inbox.js" defer></script>
</head>
<body>
<rapport-inbox></rapport-inbox>
</body>
</html>
`;
