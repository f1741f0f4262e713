/** The {@code ermbit} command-line interface (picocli): one class per subcommand. */
package org.ermbit.cli;
