/**
 * A controller that keeps the metadata of training jobs and their pods, built on the
 * fabric8 kubernetes-client: shared informers on Pods and on the job kinds, events
 * converted and handed to a {@link io.kubedl.persist.writebehind.WriteBehindStore},
 * deletions made while it was down recovered by reconcile at start-up (rule D3), and
 * a shutdown that drains what is pending. See docs/controller-example.md.
 */
package io.kubedl.persist.examples.controller;
