/** Uploaded documents: which file types are accepted, recognised by their content, and how large they may be. */
package eu.koopera.platform.documents;
