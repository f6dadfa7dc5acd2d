package dev.osprey.app.shell;

import atlantafx.base.theme.PrimerLight;
import dev.osprey.app.AppContext;
import dev.osprey.app.fx.FxJobMonitor;
import dev.osprey.app.jobs.JobCenterView;
import dev.osprey.app.jobs.JobCenterViewModel;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * The main window's content: navigation rail, the current page, the job center and the status
 * bar, wired to their view models. Built the same way by the studio and by the UI tests.
 */
public final class MainWindow {
    public static final double DEFAULT_WIDTH = 1280;
    public static final double DEFAULT_HEIGHT = 800;
    static final KeyCombination JOB_CENTER_KEY = new KeyCodeCombination(KeyCode.J, KeyCombination.SHORTCUT_DOWN);
    private static final String STYLESHEET = "/dev/osprey/app/shell/studio.css";

    private final ShellViewModel vm;
    private final JobCenterViewModel jobsVm;
    private final PageFactory pageFactory;
    private final PageServices services;
    private final Map<NavItem, Page> pages = new EnumMap<>(NavItem.class);
    private final StackPane pageHost = new StackPane();
    private final StatusBar statusBar;
    private final BorderPane root = new BorderPane();
    private final Scene scene;

    public MainWindow(AppContext context, FxJobMonitor monitor, WorkspaceSwitcher switcher, Executor background,
                      PageFactory pageFactory) {
        this.vm = new ShellViewModel(context);
        this.pageFactory = Objects.requireNonNull(pageFactory);
        this.services = new PageServices(context, switcher, background, vm::select);
        this.jobsVm = new JobCenterViewModel(monitor, context.dialogs(), Clock.systemDefaultZone());

        JobCenterView jobCenter = new JobCenterView(jobsVm, vm::toggleJobCenter);
        statusBar = new StatusBar(new StatusBarViewModel(context), jobsVm, vm::toggleJobCenter);
        pageHost.getStyleClass().add("page-host");
        pageHost.setId("page-host");

        root.setLeft(new NavRail(vm).node());
        root.setCenter(pageHost);
        root.setBottom(statusBar.node());
        root.getStyleClass().add("main-window");

        Node jobNode = jobCenter.node();
        jobNode.setVisible(false);
        vm.jobCenterVisibleProperty().addListener((o, was, shown) -> {
            jobNode.setVisible(shown);
            root.setRight(shown ? jobNode : null);
        });
        vm.pageProperty().addListener((o, old, now) -> show(now));
        show(vm.page());

        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        scene = new Scene(root, DEFAULT_WIDTH, DEFAULT_HEIGHT);
        scene.getStylesheets().add(Objects.requireNonNull(MainWindow.class.getResource(STYLESHEET), STYLESHEET).toExternalForm());
        for (NavItem item : NavItem.values()) {
            scene.getAccelerators().put(item.key(), () -> vm.select(item));
        }
        scene.getAccelerators().put(JOB_CENTER_KEY, vm::toggleJobCenter);
    }

    /** Puts the window's content on {@code stage} and keeps the title in step with the workspace. */
    public void attach(Stage stage) {
        stage.setScene(scene);
        stage.titleProperty().bind(vm.titleProperty());
        stage.setMinWidth(900);
        stage.setMinHeight(560);
    }

    private void show(NavItem item) {
        Page page = pages.computeIfAbsent(item, this::createPage);
        pageHost.getChildren().setAll(page.node());
        page.onShown();
    }

    private Page createPage(NavItem item) {
        return pageFactory.create(item, services).orElseGet(() -> new PendingPage(item));
    }

    public Scene scene() {
        return scene;
    }

    public ShellViewModel viewModel() {
        return vm;
    }

    public JobCenterViewModel jobCenterViewModel() {
        return jobsVm;
    }

    /** Stops the window's timers (heap sampling). */
    public void dispose() {
        statusBar.stop();
    }
}
