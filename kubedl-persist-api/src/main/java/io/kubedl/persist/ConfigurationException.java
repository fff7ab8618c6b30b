package io.kubedl.persist;

/**
 * The configuration is incomplete or invalid. The message names the property, the
 * accepted values and where the value can be set; it never contains a password.
 */
public class ConfigurationException extends PersistException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong, the accepted values and where to set them; never a password
     */
    public ConfigurationException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong, the accepted values and where to set them; never a password
     * @param cause what the configuration made fail, cleaned of secrets
     */
    public ConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
