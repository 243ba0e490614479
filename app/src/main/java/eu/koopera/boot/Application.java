package eu.koopera.boot;


/**
 * Starts Koopera. {@code java -jar koopera.jar} serves the API (and the UI when the ui module is on the class
 * path); {@code java -jar koopera.jar migrate} migrates every schema and exits; {@code --demo} adds the demo
 * associations.
 */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        System.exit(new PlatformLauncher(System.getenv()).launch(args));
    }
}
