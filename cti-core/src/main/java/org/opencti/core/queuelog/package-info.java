/**
 * The ACD's event log in Asterisk's queue_log format, for queue_log reporting tools: the entry
 * ({@link org.opencti.core.queuelog.QueueLogEntry}) and its line format
 * ({@link org.opencti.core.queuelog.QueueLogFormat}), the port ({@link org.opencti.core.queuelog.QueueLog}, which
 * never blocks the ACD), and its adapters: a file, a PostgreSQL table, a list, and a fan-out to several.
 */
package org.opencti.core.queuelog;
