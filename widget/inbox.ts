// inbox.js: the author's inbox, served with its page at /inbox (same origin as the API).
import './inbox/rapport-inbox.js';
