/**
 * The web page and its API: logins against a file of bcrypt hashes, signed session cookies, CSRF tokens, a rate
 * limit per user, and the routes the page calls.
 */
package io.streamtune.review.web;
