// The elements the inbox shell renders, each defined once by importing it.
import './rapport-inbox-bulk.js';
import './rapport-inbox-header.js';
import './rapport-inbox-import.js';
import './rapport-inbox-item.js';
import './rapport-inbox-settings.js';
import './rapport-inbox-stats.js';
import './rapport-inbox-views.js';
import './rapport-shortcuts.js';
import './rapport-sign-in.js';
